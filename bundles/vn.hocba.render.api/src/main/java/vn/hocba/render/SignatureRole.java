package vn.hocba.render;

/**
 * Whose signature a {@link SignatureBox} is for. The constant names equal those of {@code vn.hocba.signing.SignerRole}
 * (a deputy principal signs in the {@link #PRINCIPAL} box), so {@code SignerRole.valueOf(role.name())} maps them.
 */
public enum SignatureRole {
    HOMEROOM_TEACHER,
    PRINCIPAL,
    SCHOOL_SEAL
}
