package vn.hocba.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hocba.model.RecordState;
import vn.hocba.workflow.Decision;
import vn.hocba.workflow.RecordFacts;
import vn.hocba.workflow.RefusalCode;
import vn.hocba.workflow.Step;

/**
 * Every step in every situation against a table written out by hand from HOCBA.md §6, then each fact that can turn
 * an allowed step into a refusal (personal id, newer version, missing reason).
 */
class LifecycleTest {

    /** The situations a version can be in, with the facts that naturally go with each. */
    static final Map<String, RecordFacts> SITUATIONS = new LinkedHashMap<>();

    static {
        SITUATIONS.put("D", facts(RecordState.DRAFT, false, false, false, false));
        SITUATIONS.put("L", facts(RecordState.LOCKED, false, false, false, false));
        SITUATIONS.put("LR", facts(RecordState.LOCKED, true, false, false, false));
        SITUATIONS.put("TS", facts(RecordState.TEACHER_SIGNED, true, true, false, false));
        SITUATIONS.put("PS", facts(RecordState.PRINCIPAL_SIGNED, true, true, true, false));
        SITUATIONS.put("PSS", facts(RecordState.PRINCIPAL_SIGNED, true, true, true, true));
        SITUATIONS.put("I", facts(RecordState.ISSUED, true, true, true, true));
        SITUATIONS.put("S", facts(RecordState.SENT, true, true, true, true));
        SITUATIONS.put("A", facts(RecordState.ACCEPTED, true, true, true, true));
        SITUATIONS.put("SUP", facts(RecordState.SUPERSEDED, true, true, true, true));
        SITUATIONS.put("REV", facts(RecordState.REVOKED, true, true, true, true));
    }

    /**
     * Row = step, column = situation (in the order above). A state name = allowed, leading there; otherwise the
     * refusal: OOO out of order, DONE already done, WS wrong state.
     */
    static final Map<Step, String[]> EXPECTED = new LinkedHashMap<>();

    static {
        row(Step.LOCK, "LOCKED DONE DONE DONE DONE DONE DONE DONE DONE WS WS");
        row(Step.REOPEN, "DONE DRAFT DRAFT DRAFT DRAFT DRAFT WS WS WS WS WS");
        row(Step.RENDER, "OOO LOCKED DONE DONE DONE DONE DONE DONE DONE WS WS");
        row(Step.SIGN_TEACHER, "OOO OOO TEACHER_SIGNED DONE DONE DONE DONE DONE DONE WS WS");
        row(Step.SIGN_PRINCIPAL, "OOO OOO OOO PRINCIPAL_SIGNED DONE DONE DONE DONE DONE WS WS");
        row(Step.SEAL, "OOO OOO OOO OOO PRINCIPAL_SIGNED DONE DONE DONE DONE WS WS");
        row(Step.ISSUE, "OOO OOO OOO OOO OOO ISSUED DONE DONE DONE WS WS");
        row(Step.SEND, "WS WS WS WS WS WS SENT DONE DONE WS WS");
        row(Step.ACCEPT, "WS WS WS WS WS WS WS ACCEPTED DONE WS WS");
        row(Step.CORRECT, "WS WS WS WS WS WS DRAFT DRAFT DRAFT WS WS");
        row(Step.REVOKE, "WS WS WS WS WS WS REVOKED REVOKED REVOKED WS DONE");
        row(Step.SUPERSEDE, "WS WS WS WS WS WS SUPERSEDED SUPERSEDED SUPERSEDED WS WS");
    }

    static void row(Step step, String cells) {
        String[] c = cells.split(" ");
        assertEquals(SITUATIONS.size(), c.length, step + " row");
        EXPECTED.put(step, c);
    }

    static RecordFacts facts(RecordState state, boolean rendered, boolean teacher, boolean principal, boolean sealed) {
        return new RecordFacts(state, true, false, true, rendered, teacher, principal, sealed);
    }

    static String outcome(Decision d) {
        if (d.allowed()) return d.target().name();
        return switch (d.refusal().code()) {
            case OUT_OF_ORDER -> "OOO";
            case ALREADY_DONE -> "DONE";
            case WRONG_STATE -> "WS";
            default -> d.refusal().code().name();
        };
    }

    @Test
    void everyStepInEverySituationIsAsTheTableSays() {
        assertEquals(Step.values().length, EXPECTED.size(), "the table covers every step");
        List<String> wrong = new ArrayList<>();
        for (Step step : Step.values()) {
            int i = 0;
            for (Map.Entry<String, RecordFacts> s : SITUATIONS.entrySet()) {
                String got = outcome(Lifecycle.decide(step, s.getValue(), "lý do"));
                String want = EXPECTED.get(step)[i++];
                if (!got.equals(want)) wrong.add(step + " in " + s.getKey() + ": " + got + " instead of " + want);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void allowedStepsLeadToTheirStepsTargetAndRefusalsSayWhyInBothLanguages() {
        for (Step step : Step.values()) {
            for (RecordFacts f : SITUATIONS.values()) {
                Decision d = Lifecycle.decide(step, f, "lý do");
                if (d.allowed()) {
                    assertEquals(step.target(), d.target());
                    assertNull(d.refusal());
                } else {
                    assertNull(d.target());
                    assertFalse(d.refusal().messageVi().isBlank());
                    assertFalse(d.refusal().messageEn().isBlank());
                }
            }
        }
    }

    @Test
    void withoutAPersonalIdARecordIsDraftedLockedAndRenderedButNeverSignedSealedOrIssued() {
        List<String> wrong = new ArrayList<>();
        for (Step step : Step.values()) {
            int i = 0;
            for (Map.Entry<String, RecordFacts> s : SITUATIONS.entrySet()) {
                RecordFacts f = s.getValue();
                RecordFacts noId = new RecordFacts(f.state(), true, false, false, f.rendered(), f.teacherSigned(),
                        f.principalSigned(), f.sealed());
                String want = EXPECTED.get(step)[i++];
                // the missing id is the first thing said about a version in the state the signing step starts from
                RecordState from = Map.of(Step.SIGN_TEACHER, RecordState.LOCKED, Step.SIGN_PRINCIPAL,
                        RecordState.TEACHER_SIGNED, Step.SEAL, RecordState.PRINCIPAL_SIGNED, Step.ISSUE,
                        RecordState.PRINCIPAL_SIGNED).get(step);
                if (f.state() == from && !want.equals("DONE")) want = "MISSING_PERSONAL_ID";
                String got = outcome(Lifecycle.decide(step, noId, "lý do"));
                if (!got.equals(want)) wrong.add(step + " in " + s.getKey() + ": " + got + " instead of " + want);
            }
        }
        assertEquals(List.of(), wrong);
        Decision d = Lifecycle.decide(Step.SIGN_TEACHER, new RecordFacts(RecordState.LOCKED, true, false, false, true,
                false, false, false), null);
        assertTrue(d.refusal().messageVi().contains("mã định danh cá nhân"), d.refusal().messageVi());
        assertTrue(d.refusal().messageEn().contains("12-digit personal identification number"));
    }

    @Test
    void onlyTheLatestVersionMovesOnThroughSigning() {
        for (Step step : List.of(Step.LOCK, Step.REOPEN, Step.RENDER, Step.SIGN_TEACHER, Step.SIGN_PRINCIPAL,
                Step.SEAL, Step.ISSUE)) {
            for (Map.Entry<String, RecordFacts> s : SITUATIONS.entrySet()) {
                RecordFacts f = s.getValue();
                if (f.state() == RecordState.SUPERSEDED || f.state() == RecordState.REVOKED) continue;
                RecordFacts old = new RecordFacts(f.state(), false, true, true, f.rendered(), f.teacherSigned(),
                        f.principalSigned(), f.sealed());
                assertEquals(RefusalCode.NOT_LATEST, Lifecycle.decide(step, old, "lý do").refusal().code(),
                        step + " in " + s.getKey());
            }
        }
    }

    @Test
    void anIssuedVersionWithACorrectionUnderWayIsStillSentRevokedAndSupersededButNotCorrectedAgain() {
        RecordFacts issuedWithDraft = new RecordFacts(RecordState.ISSUED, false, true, true, true, true, true, true);
        assertEquals(RefusalCode.CORRECTION_IN_PROGRESS,
                Lifecycle.decide(Step.CORRECT, issuedWithDraft, "sai ngày sinh").refusal().code());
        assertEquals(RecordState.REVOKED, Lifecycle.decide(Step.REVOKE, issuedWithDraft, "cấp nhầm").target());
        assertEquals(RecordState.SENT, Lifecycle.decide(Step.SEND, issuedWithDraft, null).target());
        assertEquals(RecordState.SUPERSEDED, Lifecycle.decide(Step.SUPERSEDE, issuedWithDraft, null).target());
    }

    @Test
    void reopeningCorrectingAndRevokingNeedAWrittenReason() {
        for (Step step : Step.values()) {
            for (RecordFacts f : SITUATIONS.values()) {
                for (String reason : new String[] { null, "", "   " }) {
                    Decision d = Lifecycle.decide(step, f, reason);
                    if (step.requiresReason()) {
                        assertEquals(RefusalCode.REASON_REQUIRED, d.refusal().code(), step + " " + f.state());
                    } else {
                        assertEquals(outcome(Lifecycle.decide(step, f, "x")), outcome(d));
                    }
                }
            }
        }
    }

    @Test
    void theSealNeedsTheArtefactsAndIssueNeedsTheSeal() {
        RecordFacts signedNotSealed = SITUATIONS.get("PS");
        assertEquals(RefusalCode.OUT_OF_ORDER, Lifecycle.decide(Step.ISSUE, signedNotSealed, null).refusal().code());
        RecordFacts sealedWithoutXml = new RecordFacts(RecordState.PRINCIPAL_SIGNED, true, false, true, false, true,
                true, true);
        assertEquals(RefusalCode.OUT_OF_ORDER, Lifecycle.decide(Step.ISSUE, sealedWithoutXml, null).refusal().code());
    }
}
