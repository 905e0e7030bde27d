/**
 * The life of a year record (HOCBA.md §6) as an enforced state machine, and the jobs that move a class or a school
 * through it: lock (freeze the assessments into a snapshot), render, sign by the homeroom teacher, by the principal or
 * a deputy, seal, issue; correction and revocation.
 *
 * <p>Callers use {@link vn.hocba.workflow.WorkflowService} on behalf of a {@link vn.hocba.security.Caller}; every step
 * is checked against the caller's grants and the record's state, and refused with a reason in Vietnamese and English
 * ({@link vn.hocba.workflow.WorkflowException}).
 */
@Export
@Version("1.1.0")
package vn.hocba.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
