package vn.hocba.store.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void statementsEndAtASemicolonOutsideDollarQuotedBodies() {
        String sql = """
                -- a description
                CREATE TABLE a (x INT);

                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  -- inside a body comments stay
                  RAISE EXCEPTION 'no';
                END
                $$;
                CREATE TRIGGER t BEFORE UPDATE ON a
                  FOR EACH ROW EXECUTE PROCEDURE f();
                """;
        List<String> statements = Migrations.statements(sql);
        assertEquals(3, statements.size(), statements.toString());
        assertEquals("CREATE TABLE a (x INT)", statements.get(0));
        assertTrue(statements.get(1).contains("RAISE EXCEPTION 'no';") && statements.get(1).endsWith("$$"));
        assertTrue(statements.get(2).startsWith("CREATE TRIGGER t"));
    }

    @Test
    void bothDialectsHaveTheSameNumberOfScripts() {
        int derby = new Migrations(null, Dialect.DERBY).latestAvailable();
        assertEquals(derby, new Migrations(null, Dialect.POSTGRESQL).latestAvailable());
        assertTrue(derby >= 2);
    }
}
