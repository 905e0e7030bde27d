package vn.hocba.workflow.internal.jobs;

/**
 * What a host keeps with an item between the steps that cannot be repeated (a signature is made once) and the write
 * into the record: the new artefacts, or the prepared signatures while a remote signer confirms.
 *
 * @param pdf      the new PDF, or null
 * @param xml      the new XML, or null
 * @param prepared the engine states of prepared signatures waiting for values ({@link PreparedCodec}), or null
 * @param handle   the provider's pending handle ({@link PreparedCodec#handle}), or empty
 */
public record Staged(byte[] pdf, byte[] xml, byte[] prepared, String handle) {
    public Staged {
        handle = handle == null ? "" : handle;
    }
}
