/**
 * JPA entities: one class per table, public fields (EclipseLink runs without weaving here, and these are plain rows
 * that never leave the bundle). Composite keys always start with the school code, the tenant key.
 */
package vn.hocba.store.jpa.internal.entity;
