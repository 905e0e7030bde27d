/**
 * The học bạ (digital primary-school record) of Thông tư 27/2020 as immutable records and enums.
 */
@Export
@Version("1.0.0")
package vn.hocba.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
