package vn.hocba.security.basic.internal;

/** Service properties of the resolvers of this bundle. */
final class CallerResolverIds {
    /** Lets configuration target the resolver by id ({@code (hocba.caller.resolver.id=basic)}). */
    static final String BASIC_PROPERTY = "hocba.caller.resolver.id=basic";

    private CallerResolverIds() {
    }
}
