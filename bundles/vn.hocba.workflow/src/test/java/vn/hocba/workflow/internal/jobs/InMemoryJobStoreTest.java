package vn.hocba.workflow.internal.jobs;

class InMemoryJobStoreTest extends JobStoreContract {
    private final InMemoryJobStore store = new InMemoryJobStore();

    @Override
    JobStore store() {
        return store;
    }
}
