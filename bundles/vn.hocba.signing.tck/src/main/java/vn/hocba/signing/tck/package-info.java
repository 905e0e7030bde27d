/**
 * The conformance kit (TCK) for {@link vn.hocba.signing.spi.SignatureProvider}s: one abstract JUnit 5 class,
 * {@link vn.hocba.signing.tck.SignatureProviderConformance}, whose tests check what the engine relies on.
 *
 * <h2>How a vendor runs it</h2>
 * <ol>
 * <li>Add the jar to the provider's build <em>with test scope</em> (it is test code; it is never deployed):
 * <pre>{@code
 * <dependency>
 *   <groupId>vn.hocba</groupId><artifactId>vn.hocba.signing.tck</artifactId>
 *   <version>0.1.0-SNAPSHOT</version><scope>test</scope>
 * </dependency>}</pre></li>
 * <li>Write one test class per kind of credential (PIN, OTP, remote confirmation) that extends
 * {@code SignatureProviderConformance} and says how to reach the provider and how to unlock the credential:
 * <pre>{@code
 * class MyHsmConformanceTest extends SignatureProviderConformance {
 *     static final MyHsmProvider PROVIDER = new MyHsmProvider(settingsOfATestPartition());
 *     protected SignatureProvider provider() { return PROVIDER; }
 *     protected SignerRef signer() { return new SignerRef("31000001", "gv-01"); }
 *     protected Authorisation authorisation(Credential c) { return Authorisation.pin("123456".toCharArray()); }
 *     protected Authorisation wrongAuthorisation(Credential c) { return Authorisation.pin("000000".toCharArray()); }
 * }}</pre>
 * An asynchronous provider (the signer confirms on a phone) also overrides {@code asynchronous()} to answer
 * {@code true} and {@code confirm(PendingHandle)} to make the confirmation happen in its test back-end.</li>
 * <li>Run the build: every inherited test must pass. None is skipped: a check that does not apply to a
 * provider (e.g. pending results for a synchronous one) asserts the behaviour that applies instead.</li>
 * </ol>
 *
 * <p>Why a plain jar and not a bundle: the kit runs on a test class path under JUnit, outside any OSGi
 * framework, and it needs JUnit at run time, which no host provides. Deploying it would be a mistake.
 */
package vn.hocba.signing.tck;
