package vn.hocba.assessment.csv.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Map;

import vn.hocba.assessment.ImportReport;
import vn.hocba.assessment.ImportRequest;
import vn.hocba.assessment.testing.TestImports;
import vn.hocba.model.YearRecord;

/** The import service with the real rules, this reader, and the in-memory store of the API's tests. */
final class Imports {
    final TestImports t = new TestImports();

    Imports() {
        t.service.addReader(new HocbaCsvReader(Clock.systemUTC(), 200L << 20));
    }

    ImportReport file(String name, byte[] content) {
        return file(name, content, "");
    }

    ImportReport file(String name, byte[] content, String profile) {
        return t.service.importFile(new ImportRequest(Fixture.SCHOOL, name, "", profile, "tester", false),
                new ByteArrayInputStream(content));
    }

    Map<String, YearRecord> stored() {
        return t.store.latestRecords(Fixture.SCHOOL);
    }

    int writes() {
        return t.store.writes();
    }
}
