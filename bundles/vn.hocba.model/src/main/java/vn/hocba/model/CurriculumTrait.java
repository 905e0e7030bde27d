package vn.hocba.model;

/** One quality or competency assessed in one grade of a curriculum version (every grade has all 15 by default). */
public record CurriculumTrait(int grade, Trait trait) {
    public CurriculumTrait {
        if (grade < 1 || grade > 5) throw new IllegalArgumentException("grade must be 1 to 5: " + grade);
        if (trait == null) throw new IllegalArgumentException("trait is required");
    }
}
