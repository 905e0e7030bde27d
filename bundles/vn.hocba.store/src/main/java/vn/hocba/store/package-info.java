/**
 * The hocba store: repositories for schools, classes, pupils, assessments, year-record versions, their signing and
 * export state, and the hash-chained audit trail.
 *
 * <p>One installation serves many schools. Every method that reads or writes a school's data takes a
 * {@link vn.hocba.store.SchoolScope} first and can reach no other school's rows. Issued versions (from
 * {@link vn.hocba.model.RecordState#ISSUED} on) never change: a correction is a new version.
 *
 * <p>Implementations register every repository interface of this package as an OSGi service (bundle
 * {@code vn.hocba.store.jpa}, configuration PID {@code vn.hocba.store}). Failures are {@link vn.hocba.store.StoreException}s
 * whose subclasses say why, with messages in Vietnamese and English.
 */
@Export
@Version("1.1.0")
package vn.hocba.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
