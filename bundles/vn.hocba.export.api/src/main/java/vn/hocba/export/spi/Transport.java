package vn.hocba.export.spi;

import org.osgi.annotation.versioning.ConsumerType;

import vn.hocba.export.DeliveryReceipt;
import vn.hocba.export.ExportPackage;

/**
 * Delivers packages somewhere (a folder another system collects, an HTTP endpoint, …). The outbox calls
 * {@link #deliver} again with the same package (same id) until it succeeds, so a transport must let the receiver
 * recognise a repeat: the package id is the idempotency key. Implementations are thread-safe.
 */
@ConsumerType
public interface Transport {

    /** Stable id used in configuration, e.g. {@code folder}, {@code http}. */
    String id();

    /**
     * Delivers one package and returns the receiver's receipt. A transport may retry inside (with back-off) before
     * giving up.
     *
     * @throws TransportException when it was not delivered (or the answer was lost): the outbox tries again later
     */
    DeliveryReceipt deliver(ExportPackage pkg) throws TransportException;
}
