package vn.hocba.signing.pades.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import vn.hocba.signing.BaselineLevel;
import vn.hocba.signing.PadesEngine;
import vn.hocba.signing.PreparedSignature;
import vn.hocba.signing.SignatureParameters;
import vn.hocba.signing.SignerRole;
import vn.hocba.signing.SigningException;

/** The PAdES engine as a service; a changed configuration re-creates it. */
@Component(service = PadesEngine.class, configurationPid = PadesEngineComponent.PID)
@Designate(ocd = PadesConfig.class)
public final class PadesEngineComponent implements PadesEngine {

    static final String PID = "vn.hocba.signing.pades";

    private final PadesSigner signer;

    @Activate
    public PadesEngineComponent(PadesConfig config) {
        this(new PadesSigner(new PadesSettings(config.tsaUrl(), config.timeoutMillis(), config.docMdpPermission())));
    }

    PadesEngineComponent(PadesSigner signer) {
        this.signer = signer;
    }

    @Override
    public PreparedSignature prepare(byte[] pdf, SignatureParameters parameters) throws SigningException {
        return signer.prepare(pdf, parameters);
    }

    @Override
    public byte[] embed(PreparedSignature prepared, byte[] signatureValue) throws SigningException {
        return signer.embed(prepared, signatureValue);
    }

    @Override
    public byte[] extend(byte[] pdf, BaselineLevel level) throws SigningException {
        return signer.extend(pdf, level);
    }

    @Override
    public List<SignerRole> signedRoles(byte[] pdf) throws SigningException {
        return signer.signedRoles(pdf);
    }
}
