package vn.hocba.store;

import vn.hocba.model.Text;

/**
 * Something to write into the audit trail: who did what to which object, with the content hashes before and after.
 *
 * @param actor      user id (or {@code system:<component>})
 * @param action     a short verb, e.g. {@code record.transition}, {@code export.sent}
 * @param target     what was acted on, e.g. {@code R-123/v2}
 * @param beforeHash SHA-256 hex of the content before, empty if none
 * @param afterHash  SHA-256 hex of the content after, empty if none
 * @param detail     free text (reason, states), may be empty
 */
public record AuditEvent(String actor, String action, String target, String beforeHash, String afterHash,
        String detail) {
    public AuditEvent {
        actor = Text.required(actor, "audit.actor");
        action = Text.required(action, "audit.action");
        target = Text.orEmpty(target);
        beforeHash = Text.orEmpty(beforeHash);
        afterHash = Text.orEmpty(afterHash);
        detail = Text.orEmpty(detail);
    }
}
