package vn.hocba.workflow.internal.jobs;

class DerbyJobStoreTest extends JobStoreContract {
    private final JobStore store = new JdbcJobStore(Databases.derby());

    @Override
    JobStore store() {
        return store;
    }
}
