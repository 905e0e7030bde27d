package vn.hocba.export.moet;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import vn.hocba.export.spi.Transport;
import vn.hocba.export.transport.http.internal.HttpTransport;

/** The real transports, configured the way ConfigAdmin would. */
public final class Transports {
    private Transports() {}

    public static Transport http(String url, int maxAttempts) {
        Map<String, Object> v = new HashMap<>(Map.of("endpoint", url, "maxAttempts", maxAttempts,
                "initialBackoffMillis", 5L, "maxBackoffMillis", 40L, "timeoutSeconds", 10, "keyStore", "",
                "keyStorePassword", "", "trustStore", "", "trustStorePassword", "", "authorization", ""));
        HttpTransport.Config config = (HttpTransport.Config) Proxy.newProxyInstance(
                HttpTransport.Config.class.getClassLoader(), new Class<?>[] {HttpTransport.Config.class},
                (proxy, method, args) -> v.get(method.getName()));
        return new HttpTransport(config);
    }
}
