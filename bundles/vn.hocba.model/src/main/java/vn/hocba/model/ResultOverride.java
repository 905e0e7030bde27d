package vn.hocba.model;

import java.time.Instant;

/**
 * A teacher's written override of the derived year-end result. Kept with the record and in the audit trail,
 * printed nowhere else.
 */
public record ResultOverride(YearEndResult result, String reason, String userId, Instant at) {
    public ResultOverride {
        if (result == null) throw new IllegalArgumentException("override.result is required");
        reason = Text.required(reason, "override.reason");
        userId = Text.required(userId, "override.userId");
        if (at == null) throw new IllegalArgumentException("override.at is required");
    }
}
