package vn.hocba.store.jpa.internal;

import java.net.URL;
import java.util.List;
import java.util.Properties;

import javax.persistence.SharedCacheMode;
import javax.persistence.ValidationMode;
import javax.persistence.spi.ClassTransformer;
import javax.persistence.spi.PersistenceUnitInfo;
import javax.persistence.spi.PersistenceUnitTransactionType;
import javax.sql.DataSource;

import vn.hocba.store.jpa.internal.entity.ArtefactRow;
import vn.hocba.store.jpa.internal.entity.AssessmentRow;
import vn.hocba.store.jpa.internal.entity.AuditEntryRow;
import vn.hocba.store.jpa.internal.entity.AuditHeadRow;
import vn.hocba.store.jpa.internal.entity.ClassRow;
import vn.hocba.store.jpa.internal.entity.ExportRow;
import vn.hocba.store.jpa.internal.entity.PupilRow;
import vn.hocba.store.jpa.internal.entity.RecordVersionRow;
import vn.hocba.store.jpa.internal.entity.SchoolRow;
import vn.hocba.store.jpa.internal.entity.SigningRow;

/**
 * The persistence unit, described in code instead of a persistence.xml: the provider is created directly with this
 * bundle's class loader, so no JPA container, no OSGi JPA service and no class-path scanning are involved.
 */
final class StorePersistenceUnit implements PersistenceUnitInfo {

    static final List<String> ENTITIES = List.of(SchoolRow.class.getName(), ClassRow.class.getName(),
            PupilRow.class.getName(), AssessmentRow.class.getName(), RecordVersionRow.class.getName(),
            ArtefactRow.class.getName(), AuditEntryRow.class.getName(), AuditHeadRow.class.getName(),
            SigningRow.class.getName(), ExportRow.class.getName());

    private final DataSource dataSource;
    private final URL rootUrl;
    private final ClassLoader loader;

    /**
     * @param rootUrl where the entity classes live (the bundle's root entry, or the classes folder outside OSGi);
     *                EclipseLink only looks there for an orm.xml, which we do not have
     */
    StorePersistenceUnit(DataSource dataSource, URL rootUrl, ClassLoader loader) {
        this.dataSource = dataSource;
        this.rootUrl = rootUrl;
        this.loader = loader;
    }

    @Override
    public String getPersistenceUnitName() {
        return "hocba-store";
    }

    @Override
    public String getPersistenceProviderClassName() {
        return org.eclipse.persistence.jpa.PersistenceProvider.class.getName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return rootUrl;
    }

    @Override
    public List<String> getManagedClassNames() {
        return ENTITIES;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        // Rows can be changed under us (another node on PostgreSQL, an administrator): always read the database.
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "2.2";
    }

    @Override
    public ClassLoader getClassLoader() {
        return loader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // no weaving
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return loader;
    }
}
