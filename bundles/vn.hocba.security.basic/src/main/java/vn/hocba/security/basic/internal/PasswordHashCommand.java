package vn.hocba.security.basic.internal;

import org.osgi.service.component.annotations.Component;

/** Gogo: {@code hocba:passwordhash <password>} prints the line to put in a user's {@code password=}. */
@Component(service = PasswordHashCommand.class,
        property = { "osgi.command.scope=hocba", "osgi.command.function=passwordhash" })
public class PasswordHashCommand {

    public String passwordhash(String password) {
        return PasswordHash.hash(password.toCharArray());
    }
}
