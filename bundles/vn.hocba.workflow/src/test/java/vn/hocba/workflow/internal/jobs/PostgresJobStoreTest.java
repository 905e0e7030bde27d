package vn.hocba.workflow.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** On PostgreSQL (claims use FOR UPDATE SKIP LOCKED), plus two stores on one database as two hosts would be. */
class PostgresJobStoreTest extends JobStoreContract {
    private final DataSource db = Databases.postgres();
    private final JobStore store = new JdbcJobStore(db);

    @Override
    JobStore store() {
        return store;
    }

    @Test
    void twoHostsOnOneDatabaseShareAJob() {
        JobStore other = new JdbcJobStore(db); // finds the tables the first one made
        store.create(job("J", false, 0), items("J", 10));
        Claim a = store.claim("A", j -> 4, NOW, NOW + 60_000, Set.of()).orElseThrow();
        Claim b = other.claim("B", j -> 4, NOW, NOW + 60_000, Set.of()).orElseThrow();
        assertEquals(List.of(0, 1, 2, 3), a.items().stream().map(ItemRow::itemNo).toList());
        assertEquals(List.of(4, 5, 6, 7), b.items().stream().map(ItemRow::itemNo).toList());
    }
}
