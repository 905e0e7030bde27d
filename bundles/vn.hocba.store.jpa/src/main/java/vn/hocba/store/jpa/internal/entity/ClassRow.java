package vn.hocba.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "school_class")
@IdClass(Keys.ClassKey.class)
public class ClassRow {
    @Id
    @Column(name = "school_code")
    public String schoolCode;
    @Id
    @Column(name = "school_year")
    public int schoolYear;
    @Id
    @Column(name = "class_name")
    public String className;
    public int grade;
    @Column(name = "homeroom_teacher")
    public String homeroomTeacher;
    @Version
    public long revision;
    @Column(name = "updated_at")
    public long updatedAt;
}
