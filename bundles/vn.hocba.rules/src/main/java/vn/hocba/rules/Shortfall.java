package vn.hocba.rules;

import vn.hocba.model.YearEndResult;

/**
 * One reason a pupil did not reach a year-end level: "the score of Tiếng Việt is 8; HTXS needs 9 or more".
 *
 * @param missed the level not reached (the one just above the derived result)
 * @param field  the item that held the pupil back, named like the hocba-csv v1 column
 */
public record Shortfall(YearEndResult missed, String field, String messageVi, String messageEn) {
}
