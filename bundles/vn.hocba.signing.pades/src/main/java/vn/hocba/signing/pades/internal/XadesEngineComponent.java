package vn.hocba.signing.pades.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.XadesEngine;

/** The XAdES engine as a service, configured with the PAdES engine's PID (same TSA). */
@Component(service = XadesEngine.class, configurationPid = PadesEngineComponent.PID)
public final class XadesEngineComponent implements XadesEngine {

    private final XadesSigner signer;

    @Activate
    public XadesEngineComponent(PadesConfig config) {
        this(new XadesSigner(new PadesSettings(config.tsaUrl(), config.timeoutMillis(), config.docMdpPermission())));
    }

    XadesEngineComponent(XadesSigner signer) {
        this.signer = signer;
    }

    @Override
    public PreparedSignature prepare(byte[] xml, SignatureParameters parameters) throws SigningException {
        return signer.prepare(xml, parameters);
    }

    @Override
    public byte[] embed(PreparedSignature prepared, byte[] signatureValue) throws SigningException {
        return signer.embed(prepared, signatureValue);
    }

    @Override
    public List<SignerRole> signedRoles(byte[] xml) throws SigningException {
        return signer.signedRoles(xml);
    }
}
