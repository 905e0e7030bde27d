package vn.hocba.model;

/** The year's level of one quality or competency, with the teacher's comment. */
public record TraitResult(Trait trait, TraitLevel level, String comment) {
    public TraitResult {
        if (trait == null) throw new IllegalArgumentException("trait is required");
        comment = Text.orEmpty(comment);
    }
}
