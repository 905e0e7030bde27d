package vn.hocba.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.hocba.workflow.internal.Fixture.GV3A;
import static vn.hocba.workflow.internal.Fixture.S;
import static vn.hocba.workflow.internal.Fixture.SCOPE;
import static vn.hocba.workflow.internal.Fixture.YEAR;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hocba.export.TransferReport;
import vn.hocba.export.TransferResult;
import vn.hocba.export.TransferService;
import vn.hocba.model.SchoolYear;
import vn.hocba.model.StudyHistoryEntry;
import vn.hocba.model.YearRecord;
import vn.hocba.store.SchoolScope;
import vn.hocba.workflow.JobKind;
import vn.hocba.workflow.JobRequest;
import vn.hocba.workflow.JobStatus;
import vn.hocba.workflow.JobView;

/** A pupil who moved in: locking the year's record continues its study history from the years transferred in. */
class TransferredHistoryTest {

    final Fixture f = new Fixture();

    static StudyHistoryEntry year(int start, int grade, String school) {
        return new StudyHistoryEntry(new SchoolYear(start), grade, grade + "A", school, "Trường Tiểu học " + school,
                "", LocalDate.of(start, 9, 5));
    }

    /** HS001 came from HP-KT-TH09 with grades 1 and 2; a transferred row of this year or later is never taken. */
    final TransferService transfers = new TransferService() {
        @Override
        public TransferReport verify(byte[] content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TransferResult importTransfer(SchoolScope receiving, byte[] content, String pupilCode, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<YearRecord> transferredRecords(SchoolScope scope, String pupilCode) {
            return List.of();
        }

        @Override
        public List<StudyHistoryEntry> transferredHistory(SchoolScope scope, String pupilCode) {
            return pupilCode.equals("HS001") ? List.of(year(2023, 2, "HP-KT-TH09"), year(2022, 1, "HP-KT-TH09"),
                    year(2024, 3, "HP-KT-TH09"), year(2025, 4, "HP-KT-TH09")) : List.of();
        }
    };

    List<Integer> years(String recordId) {
        return f.store.latest(SCOPE, recordId).orElseThrow().record().history().stream()
                .map(h -> h.year().startYear()).toList();
    }

    @Test
    void lockingTakesTheEarlierYearsTransferredInAndKeepsTheRecordsOwn() {
        f.engines.transfers = transfers;
        JobView lock = f.workflow.submit(GV3A, JobRequest.forClass(JobKind.LOCK, S, YEAR, "3A"));
        f.host.drain();
        assertEquals(JobStatus.COMPLETED, f.workflow.job(GV3A, lock.id()).status());
        assertEquals(List.of(2022, 2023), years("R-3A-1"));
        assertEquals(List.of("HP-KT-TH09", "HP-KT-TH09"), f.store.latest(SCOPE, "R-3A-1").orElseThrow().record()
                .history().stream().map(StudyHistoryEntry::schoolCode).toList());
        assertEquals(List.of(), years("R-3A-2"), "nothing transferred in for HS002");
    }

    @Test
    void withoutTheExportBundleTheHistoryStaysAsImported() {
        JobView lock = f.workflow.submit(GV3A, JobRequest.forClass(JobKind.LOCK, S, YEAR, "3A"));
        f.host.drain();
        assertEquals(JobStatus.COMPLETED, f.workflow.job(GV3A, lock.id()).status());
        assertEquals(List.of(), years("R-3A-1"));
    }

    @Test
    void aRowTheRecordAlreadyHasIsNotReplaced() {
        YearRecord r = Fixture.record("R-X", "3A", "HS001", "Trần Hữu Ánh", "031284860229");
        StudyHistoryEntry own2023 = year(2023, 2, "HP-AL-TH01");
        YearRecord withOwn = TransferredHistory.continued(new YearRecord(r.recordId(), 1, r.state(), r.school(),
                r.schoolClass(), r.pupil(), List.of(own2023, year(2024, 3, "HP-AL-TH01")), r.assessment(), null,
                null, null, "", null), transfers.transferredHistory(SCOPE, "HS001"));
        assertEquals(List.of(year(2022, 1, "HP-KT-TH09"), own2023, year(2024, 3, "HP-AL-TH01")), withOwn.history());
        YearRecord none = TransferredHistory.continued(r, List.of());
        assertEquals(r, none);
    }
}
