package vn.hocba.render.fop.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;

import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.FopFactoryBuilder;
import org.apache.fop.configuration.Configuration;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.events.Event;
import org.apache.fop.events.EventFormatter;
import org.apache.fop.events.model.EventSeverity;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.w3c.dom.Element;

import vn.hocba.model.YearRecord;
import vn.hocba.render.EmbeddedData;
import vn.hocba.render.RenderException;
import vn.hocba.render.RenderOptions;
import vn.hocba.render.RenderedRecord;
import vn.hocba.render.spi.RenderTemplate;

/**
 * The FOP pipeline: record XML → template XSLT → {@link FoFilter} → FOP (PDF/A-3b) with the
 * {@link SignatureBoxTracker} in front of the PDF writer. One {@link FopFactory} serves every render (fonts and
 * images are cached there); only {@link FopFactory#newFop} is serialised, because it is not thread-safe.
 */
public final class FopEngine {

    static final String CONFIG = "fop.xconf";

    private static final System.Logger LOG = System.getLogger(FopEngine.class.getName());

    private final FopFactory factory;
    private final ClassLoader loader;
    private final Object newFopLock = new Object();

    /**
     * @param templates looks up a template by id, to serve its {@code template:} files
     */
    public FopEngine(Function<String, RenderTemplate> templates) {
        this.loader = FopEngine.class.getClassLoader();
        BundleResourceResolver resolver = new BundleResourceResolver(loader, templates);
        try (InputStream conf = FopEngine.class.getResourceAsStream(CONFIG)) {
            if (conf == null) throw new IllegalStateException("missing " + CONFIG);
            byte[] xconf = conf.readAllBytes();
            this.factory = withContextLoader(loader, () -> {
                FopFactoryBuilder builder = new FopConfParser(new ByteArrayInputStream(xconf),
                        URI.create("file:///hocba/"), resolver).getFopFactoryBuilder();
                useFrozenConfiguration(builder, xconf);
                return builder.build();
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure FOP", e);
        }
    }

    /**
     * Gives the factory an immutable copy of its configuration: FOP reads it again for every document, and its own
     * DOM-backed copy breaks under concurrent reads. FOP offers no public setter, so the protected one is called.
     */
    private static void useFrozenConfiguration(FopFactoryBuilder builder, byte[] xconf) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
        dbf.setNamespaceAware(false);
        dbf.setIgnoringComments(true);
        Element root = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xconf)).getDocumentElement();
        Method set = FopFactoryBuilder.class.getDeclaredMethod("setConfiguration", Configuration.class,
                boolean.class);
        set.setAccessible(true);
        set.invoke(builder, FrozenConfiguration.of(root), false);
    }

    /**
     * Renders one record with a compiled template.
     *
     * @param verificationBaseUrl where the QR code points, e.g. {@code https://hocba.example/verify}
     */
    public RenderedRecord render(YearRecord record, RenderOptions options, String templateId, Templates stylesheet,
            String verificationBaseUrl) {
        byte[] recordXml = RecordXml.write(record);
        EmbeddedData data = options.data() != null ? options.data()
                : new EmbeddedData(RecordXml.FILE_NAME, RecordXml.MIME_TYPE,
                        "Dữ liệu học bạ (hocba record XML 1) / Record data", recordXml);
        String sha256 = sha256Hex(data.bytes());
        String url = VerificationLink.of(verificationBaseUrl, record.recordId(), record.version(), sha256);
        QrCode qr = QrCode.encode(url);
        String declarations = Declarations.of(record, data, sha256, url);
        try {
            return withContextLoader(loader, () -> {
                FOUserAgent agent = factory.newFOUserAgent();
                agent.setProducer("hocba");
                agent.setCreator("hocba render, template " + templateId);
                // Our listener replaces FOP's default logger: per-page INFO noise goes, layout warnings stay.
                agent.getEventBroadcaster().addEventListener(event -> logEvent(record, templateId, event));
                IFDocumentHandler pdf = factory.getRendererFactory().createDocumentHandler(agent,
                        MimeConstants.MIME_PDF);
                SignatureBoxTracker tracker = new SignatureBoxTracker(pdf);
                agent.setDocumentHandlerOverride(tracker);
                ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
                Fop fop;
                synchronized (newFopLock) {
                    fop = factory.newFop(MimeConstants.MIME_PDF, agent, out);
                }
                Transformer t = stylesheet.newTransformer();
                t.setParameter("verification-url", url);
                t.setParameter("qr-modules", qr.modules());
                t.setParameter("qr-path", qr.path());
                t.setParameter("qr-image", qr.pngDataUri());
                t.setParameter("data-sha256", sha256);
                t.setParameter("principal-name", options.principalName());
                t.setParameter("principal-title", options.principalTitle());
                t.transform(new StreamSource(new ByteArrayInputStream(recordXml)),
                        new SAXResult(new FoFilter(fop.getDefaultHandler(), declarations, templateId)));
                int pages = fop.getResults().getPageCount();
                return new RenderedRecord(out.toByteArray(), templateId, pages, data, sha256, url, tracker.boxes());
            });
        } catch (RenderException e) {
            throw e;
        } catch (Exception e) {
            throw new RenderException(
                    "Không in được học bạ " + record.recordId() + " (phiên bản " + record.version() + ") bằng mẫu "
                            + templateId + ": " + rootMessage(e),
                    "Cannot render record " + record.recordId() + " version " + record.version() + " with template "
                            + templateId + ": " + rootMessage(e),
                    e);
        }
    }

    private static void logEvent(YearRecord record, String templateId, Event event) {
        EventSeverity severity = event.getSeverity();
        if (severity == EventSeverity.INFO) return;
        LOG.log(severity == EventSeverity.WARN ? Level.WARNING : Level.ERROR, "{0} v{1} ({2}): {3}",
                record.recordId(), record.version(), templateId, EventFormatter.format(event));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (e instanceof TransformerException || e instanceof FOPException) {
            return e.getMessage() + (t != e ? " (" + t.getMessage() + ")" : "");
        }
        return String.valueOf(t.getMessage());
    }

    /** FOP and Batik look some services up through the context class loader; give them ours. */
    private static <T> T withContextLoader(ClassLoader loader, Work<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }
}
