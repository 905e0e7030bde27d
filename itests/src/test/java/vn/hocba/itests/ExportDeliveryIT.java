package vn.hocba.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hocba.signing.testpki.FlakyReceiver;
import vn.hocba.signing.testpki.TestPki;

/**
 * Issue 9's delivery check on the real assembly: a school of 1,000 pupils (25 classes of 40, grades 1 to 5) is
 * imported, locked, rendered, signed by each class's homeroom teacher and by the principal, sealed and issued through
 * the REST API of the standalone host (a child process); then the export worker delivers every issued version through
 * the HTTP transport to a receiver on 127.0.0.1 that fails a third of the requests (half of them after storing, so it
 * answers those packages twice). The host is stopped while the receiver holds the answer to a package it has stored,
 * and started again on the same data; later the receiver is restarted while it holds another answer. The receiver
 * must end with each of the 1,000 record versions exactly once, and the host with every record ACCEPTED.
 *
 * <p>Signatures are at level B-B (no time-stamp, no revocation data): the signature levels and the TSA are
 * IssuingFlowIT's subject; here they would only add 3,000 TSA round trips and the seal's revocation fetches. The
 * host's Derby does not force its log to disk at each commit ({@code derby.system.durability=test}): the host
 * process is stopped and started, never the machine, and the page cache survives a process; forced writes were a
 * third of the issuing time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportDeliveryIT {
    private static final String SCHOOL = "HP-AL-TH01";
    private static final String SCHOOL_NAME = "Trường Tiểu học An Thắng";
    private static final String PRINCIPAL = "Nguyễn Văn Hùng";
    private static final String KEY_PASSWORD = "changeit";
    private static final int GRADES = 5;
    private static final int CLASSES_PER_GRADE = 5;
    private static final int PUPILS_PER_CLASS = 40;
    private static final int RECORDS = GRADES * CLASSES_PER_GRADE * PUPILS_PER_CLASS;
    /** Record versions per package: 50 packages, so that a third failing and two restarts fall inside the run. */
    private static final int BATCH = 20;
    /** Safety nets only (a loaded machine renders slowly); on a quiet 2-core machine a job takes well under one. */
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);

    /**
     * The year before the current school year (Vietnam time): the export worker's sweep queues the issued versions of
     * the current and the previous school year, and the previous one has ended whatever the date.
     */
    private static final int YEAR_START = currentSchoolYear() - 1;
    private static final String YEAR = YEAR_START + "-" + (YEAR_START + 1);

    private final Map<String, String> passwords = new LinkedHashMap<>();
    /** class name → its homeroom teacher's user id. */
    private final Map<String, String> teachers = new TreeMap<>();
    private final Map<String, String> teacherNames = new HashMap<>();

    private TestPki pki;
    private FlakyReceiver receiver;
    private ChildHost host;
    private HocbaApi api;
    private long issuingMillis;

    @BeforeAll
    void startReceiverAndHost() throws Exception {
        pki = TestPki.start();
        receiver = new FlakyReceiver(20251128L);
        host = ChildHost.create("export-delivery");

        passwords.put("qt", "qt-pw");
        passwords.put("ht", "ht-pw");
        host.user("qt", "qt-pw", "Quản trị", "SCHOOL_ADMIN:" + SCHOOL)
            .user("ht", "ht-pw", PRINCIPAL, "PRINCIPAL:" + SCHOOL)
            .keystore(SCHOOL, "ht", pki.principal(), KEY_PASSWORD)
            .keystore(SCHOOL, "seal", pki.seal(), KEY_PASSWORD);
        int n = 0;
        for (int grade = 1; grade <= GRADES; grade++) {
            for (int c = 0; c < CLASSES_PER_GRADE; c++) {
                String className = grade + String.valueOf((char) ('A' + c));
                String user = String.format("gv%02d", ++n);
                teachers.put(className, user);
                teacherNames.put(className, TEACHER_NAMES[n - 1]);
                passwords.put(user, user + "-pw");
                // every teacher signs with the test PKI's teacher key: the certificate's name is not what is tested
                host.user(user, user + "-pw", TEACHER_NAMES[n - 1], "HOMEROOM_TEACHER:" + SCHOOL + ":" + className)
                    .keystore(SCHOOL, user, pki.teacher(), KEY_PASSWORD);
            }
        }
        host.config("vn.hocba.security.basic.cfg", Map.of("maxFailures", "1000"))
            .config("vn.hocba.workflow.cfg", Map.of("signLevel", "B_B", "sealLevel", "B_B", "pollMillis", "200",
                    "leaseSeconds", "30", "retrySeconds", "2", "singleChunk", "10",
                    "principals", SCHOOL + "=" + PRINCIPAL + "|Hiệu trưởng"))
            .config("vn.hocba.export.transport.http.cfg", Map.of("endpoint", receiver.url(), "maxAttempts", "3",
                    "initialBackoffMillis", "50", "maxBackoffMillis", "400", "timeoutSeconds", "30"));
        exportConfig(false); // delivery is switched on once the year is issued (the sweep then finds all 1,000)
        host.property("derby.system.durability", "test").start();
        api = new HocbaApi(host, passwords).awaitUp().awaitUsers("/schools/" + SCHOOL + "/classes?year=" + YEAR);
    }

    /** PID vn.hocba.export: the HTTP transport, packages of {@link #BATCH}, a cycle a second, the worker on or off. */
    private void exportConfig(boolean workerEnabled) throws Exception {
        host.config("vn.hocba.export.cfg", Map.of("transport", "http", "batchSize", Integer.toString(BATCH),
                "intervalSeconds", "1", "sweepMinutes", "1", "workerEnabled", Boolean.toString(workerEnabled)));
    }

    @AfterAll
    void stopAll() throws Exception {
        if (host != null) host.close();
        if (receiver != null) receiver.close();
        if (pki != null) pki.close();
    }

    @Test
    @Order(1)
    void aThousandRecordsAreIssuedThroughTheWorkflow() throws Exception {
        long started = System.nanoTime();
        String csv = schoolCsv();
        HttpResponse<String> r = api.send(HttpRequest.newBuilder(api.uri("/schools/" + SCHOOL + "/imports?filename=khoi-1-5.csv"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)), "qt");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("STORED", HocbaApi.JSON.readTree(r.body()).path("status").asText(), r.body());
        long imported = System.nanoTime();

        String year = "\"school\":\"" + SCHOOL + "\",\"year\":\"" + YEAR + "\"";
        runJob("ht", "LOCK", year);
        runJob("ht", "RENDER", year);
        long rendered = System.nanoTime();
        // each homeroom teacher signs their own class (a teacher may sign no other): 25 jobs at once
        Map<String, String> signing = new LinkedHashMap<>();
        for (var t : teachers.entrySet()) {
            signing.put(api.startJob(t.getValue(), "SIGN", HocbaApi.classScope(SCHOOL, YEAR, t.getKey())), t.getValue());
        }
        for (var job : signing.entrySet()) assertDone(awaitJob(job.getKey(), job.getValue()), PUPILS_PER_CLASS);
        runJob("ht", "SIGN", year);
        runJob("qt", "SEAL", year);
        runJob("qt", "ISSUE", year);
        issuingMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        Map<String, String> states = recordStates();
        assertEquals(RECORDS, states.size());
        states.forEach((ref, state) -> assertEquals("ISSUED", state, ref));
        System.out.printf("issued %d records in %d ms (import %d ms, lock+render %d ms, signatures, seal, issue %d ms)%n",
                RECORDS, issuingMillis, Duration.ofNanos(imported - started).toMillis(),
                Duration.ofNanos(rendered - imported).toMillis(), Duration.ofNanos(System.nanoTime() - rendered).toMillis());
    }

    @Test
    @Order(2)
    void everyVersionReachesTheFlakyReceiverExactlyOnceThoughHostAndReceiverRestart() throws Exception {
        Map<String, String> issued = recordStates();
        assertEquals(RECORDS, issued.size(), "the first step issued the school");
        issued.forEach((ref, state) -> assertEquals("ISSUED", state, "the first step issued " + ref));
        long started = System.nanoTime();
        // the host is caught with a package stored by the receiver whose answer it never gets
        receiver.holdAnswersFrom(300);
        exportConfig(true);
        waitUntil("the receiver holds an answer after 300 versions", () -> receiver.held.get() >= 1);
        int storedAtHostStop = receiver.storedCount();
        host.stop();
        receiver.releaseAnswers();
        long stoppedAfter = Duration.ofNanos(System.nanoTime() - started).toMillis();
        host.start();
        api.awaitUp();

        // the receiver goes down while it holds the answer to a package it has stored
        int heldBefore = receiver.held.get();
        receiver.holdAnswersFrom(700);
        waitUntil("the receiver holds an answer after 700 versions", () -> receiver.held.get() > heldBefore);
        int storedAtReceiverRestart = receiver.storedCount();
        receiver.restart();
        receiver.releaseAnswers();

        waitUntil("the receiver has all " + RECORDS + " versions", () -> receiver.storedCount() >= RECORDS);
        long receivedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Map<String, String> states = Map.of();
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            states = recordStates();
            if (states.values().stream().allMatch("ACCEPTED"::equals)) break;
            Thread.sleep(1000);
        }
        long deliveryMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("delivered %d records in %d ms (all at the receiver after %d ms; host stopped at %d ms with %d"
                + " stored, receiver restarted with %d stored); %d requests, %d packages, %d failed before storing,"
                + " %d answers lost after storing, %d answered as duplicates; issuing took %d ms%n", RECORDS,
                deliveryMillis, receivedMillis, stoppedAfter, storedAtHostStop, storedAtReceiverRestart,
                receiver.requests.get(), receiver.packages(), receiver.failedBefore.get(), receiver.lostAnswers.get(),
                receiver.duplicatesAnswered.get(), issuingMillis);

        // both restarts fell inside the delivery
        assertTrue(storedAtHostStop >= 300 && storedAtHostStop < RECORDS, "host stopped at " + storedAtHostStop);
        assertTrue(storedAtReceiverRestart >= 700 && storedAtReceiverRestart < RECORDS,
                "receiver restarted at " + storedAtReceiverRestart);
        assertEquals(1, receiver.restarts.get());

        // each issued version exactly once, nothing else
        Map<String, Integer> stored = receiver.stored();
        assertEquals(new TreeSet<>(issued.keySet()), new TreeSet<>(stored.keySet()));
        stored.forEach((ref, times) -> assertEquals(1, times, ref + " stored " + times + " times"));
        assertTrue(receiver.failedBefore.get() + receiver.lostAnswers.get() > 0, "the receiver failed requests");
        assertTrue(receiver.duplicatesAnswered.get() > 0, "the receiver answered packages twice");
        assertEquals(0, receiver.changedRepeats.get(), "a package sent again is the same package, byte for byte");
        assertEquals(0, receiver.malformed.get(), "every package is complete and matches its SHA-256");

        // and the host knows: every version ACCEPTED (the receiver acknowledged each package)
        assertEquals(issued.keySet(), states.keySet());
        states.forEach((ref, state) -> assertEquals("ACCEPTED", state, ref + "\n" + host.tail()));
    }

    // --- the school's CSV (hocba-csv v1, ../shared/domain/IMPORT-CSV.md)

    private static final String[] TEACHER_NAMES = {
        "Phạm Thị Lan", "Lê Văn Minh", "Nguyễn Thị Hồng", "Trần Thị Thu Hương", "Vũ Văn Đức",
        "Đỗ Thị Ngọc Anh", "Hoàng Thị Mai", "Bùi Văn Tuấn", "Đặng Thị Hạnh", "Ngô Thị Phương",
        "Dương Văn Hải", "Lý Thị Bích", "Phan Thị Yến", "Trịnh Văn Khải", "Đinh Thị Nguyệt",
        "Mai Thị Thảo", "Tạ Văn Lộc", "Cao Thị Huyền", "Lương Thị Kim Oanh", "Hồ Văn Sơn",
        "Quách Thị Diệu", "Tô Văn Thắng", "Nguyễn Thị Loan", "Trần Văn Quý", "Lê Thị Ánh Tuyết" };
    private static final String[] SURNAMES = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương" };
    private static final String[] BOYS = { "Văn An", "Minh Đức", "Hữu Phúc", "Quang Huy", "Gia Bảo", "Đức Thịnh",
        "Tuấn Kiệt", "Hoàng Long", "Anh Khoa", "Thành Đạt" };
    private static final String[] GIRLS = { "Thị Hoa", "Ngọc Ánh", "Thu Trang", "Bảo Ngọc", "Minh Thư", "Khánh Linh",
        "Thùy Dương", "Phương Thảo", "Hà My", "Quỳnh Chi" };
    private static final String[] FATHERS = { "Văn Đạt", "Văn Khoa", "Văn Hường", "Văn Quỳnh", "Đức Mạnh" };
    private static final String[] MOTHERS = { "Thị Dũng", "Thị Phúc", "Thị Ánh", "Thị Tuấn", "Thị Lụa" };
    private static final String GOOD = "Nắm vững kiến thức, vận dụng tốt.";
    private static final String DONE = "Hoàn thành các yêu cầu của bài học.";

    /** 1,000 pupils of one school and year: grades 1 to 5, five classes each, the columns of the shared sample. */
    private String schoolCsv() throws Exception {
        String header = Files.readAllLines(ChildHost.sharedFixture("lop-3a-2024-2025.csv"), StandardCharsets.UTF_8)
                .get(0).replace("\uFEFF", "");
        String[] columns = header.split(",");
        StringBuilder csv = new StringBuilder(header).append('\n');
        Random random = new Random(2025);
        int seq = 0;
        for (var t : teachers.entrySet()) {
            String className = t.getKey();
            int grade = className.charAt(0) - '0';
            for (int p = 0; p < PUPILS_PER_CLASS; p++) {
                Map<String, String> row = pupil(++seq, grade, className, teacherNames.get(className), random);
                for (int i = 0; i < columns.length; i++) {
                    if (i > 0) csv.append(',');
                    csv.append(quoted(row.getOrDefault(columns[i], "")));
                }
                csv.append('\n');
            }
        }
        String text = csv.toString();
        assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), "the CSV is NFC");
        return text;
    }

    private static Map<String, String> pupil(int seq, int grade, String className, String teacher, Random random) {
        boolean boy = random.nextBoolean();
        int born = YEAR_START - 5 - grade;
        int admitted = YEAR_START - grade + 1;
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        Map<String, String> row = new HashMap<>();
        row.put("school_code", SCHOOL);
        row.put("school_name", SCHOOL_NAME);
        row.put("school_year", YEAR);
        row.put("grade", Integer.toString(grade));
        row.put("class_name", className);
        row.put("homeroom_teacher", teacher);
        row.put("pupil_code", SCHOOL + admitted + String.format("%04d", seq));
        // 031 = Hải Phòng, 2/3 = a boy/girl born in the 2000s, the year of birth, then a serial number
        row.put("personal_id", "031" + (boy ? "2" : "3") + String.format("%02d", born % 100) + String.format("%06d", 100_000 + seq));
        row.put("full_name", surname + " " + (boy ? BOYS : GIRLS)[random.nextInt(10)]);
        row.put("sex", boy ? "Nam" : "Nữ");
        row.put("date_of_birth", String.format("%d-%02d-%02d", born, 1 + random.nextInt(12), 1 + random.nextInt(28)));
        row.put("ethnicity", "Kinh");
        row.put("nationality", "Việt Nam");
        row.put("place_of_birth", "Hải Phòng");
        row.put("home_town", "An Lão, Hải Phòng");
        row.put("address", "Thôn " + (1 + random.nextInt(6)) + ", xã An Thắng, Hải Phòng");
        row.put("father_name", surname + " " + FATHERS[random.nextInt(FATHERS.length)]);
        row.put("mother_name", SURNAMES[random.nextInt(SURNAMES.length)] + " " + MOTHERS[random.nextInt(MOTHERS.length)]);
        row.put("registration_no", seq + "/" + admitted);
        row.put("admission_date", admitted + "-09-05");
        row.put("disabled_not_assessed", "0");
        for (String subject : subjectsOf(grade)) {
            boolean good = random.nextInt(3) > 0;
            row.put(subject + ".level", good ? "T" : "H");
            row.put(subject + ".comment", good ? GOOD : DONE);
            if (tested(subject, grade)) row.put(subject + ".score", Integer.toString((good ? 9 : 7) + random.nextInt(2)));
        }
        for (String trait : TRAITS) row.put(trait + ".level", random.nextInt(4) > 0 ? "T" : "Đ");
        row.put("general_comment", "Chăm ngoan, tích cực tham gia hoạt động của lớp.");
        return row;
    }

    private static final String[] TRAITS = { "PC.YN", "PC.NA", "PC.CC", "PC.TT", "PC.TN", "NLC.TCTH", "NLC.GTHT",
        "NLC.GQVD", "NLDT.NN", "NLDT.TT", "NLDT.KH", "NLDT.CN", "NLDT.TH", "NLDT.TM", "NLDT.TC" };

    /** The compulsory subjects of a grade (HOCBA.md §2, GDPT 2018). */
    private static List<String> subjectsOf(int grade) {
        List<String> s = new ArrayList<>(List.of("TV", "TOAN"));
        if (grade >= 3) s.add("NN1");
        s.add("DD");
        if (grade <= 3) s.add("TNXH");
        if (grade >= 4) s.addAll(List.of("LSDL", "KH"));
        if (grade >= 3) s.add("THCN");
        s.addAll(List.of("GDTC", "AN", "MT", "HDTN"));
        return s;
    }

    private static boolean tested(String subject, int grade) {
        return Set.of("TV", "TOAN").contains(subject) || (grade >= 3 && Set.of("NN1", "LSDL", "KH", "THCN").contains(subject));
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    // --- the host

    /** {@code recordId/vN} → state of every record of the school year (latest versions), as the principal reads them. */
    private Map<String, String> recordStates() throws Exception {
        Map<String, String> states = new TreeMap<>();
        for (String className : teachers.keySet()) {
            JsonNode records = api.getJson("/schools/" + SCHOOL + "/classes/" + className + "/records?year=" + YEAR, "ht")
                    .path("records");
            records.forEach(r -> states.put(r.path("recordId").asText() + "/v" + r.path("version").asInt(),
                    r.path("state").asText()));
        }
        return states;
    }

    private void runJob(String user, String kind, String scope) throws Exception {
        assertDone(awaitJob(api.startJob(user, kind, scope), user), RECORDS);
    }

    /** Polls a job until it is finished; a whole school year takes longer than HocbaApi's two minutes. */
    private JsonNode awaitJob(String id, String user) throws Exception {
        long started = System.nanoTime();
        while (true) {
            JsonNode job = api.getJson("/jobs/" + id, user);
            String status = job.path("status").asText();
            if (status.startsWith("COMPLETED") || status.equals("CANCELLED") || status.equals("FAILED")) {
                System.out.printf("job %s %s %s: %s in %d ms%n", job.path("kind").asText(), job.path("className").asText(),
                        user, status, Duration.ofNanos(System.nanoTime() - started).toMillis());
                return job;
            }
            if (System.nanoTime() - started > JOB_TIMEOUT.toNanos()) {
                fail("job " + id + " did not finish: " + job.path("done") + "/" + job.path("total") + "\n" + host.tail());
            }
            Thread.sleep(1000); // each look reads every item of the job: keep it light on the host
        }
    }

    private void assertDone(JsonNode job, int records) {
        job = job.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) job).remove("items");
        assertEquals("COMPLETED", job.path("status").asText(), job + "\n" + host.tail());
        assertEquals(records, job.path("total").asInt(), job.toString());
        assertEquals(records, job.path("done").asInt(), job.toString());
    }

    private void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!host.isAlive()) fail("the host exited while waiting until " + what + "\n" + host.tail());
            if (System.nanoTime() > deadline) {
                fail("not reached in time: " + what + " (receiver: " + receiver.storedCount() + " versions stored, "
                        + receiver.requests.get() + " requests)\n" + host.tail());
            }
            Thread.sleep(20);
        }
    }

    private static int currentSchoolYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        return today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
    }
}
