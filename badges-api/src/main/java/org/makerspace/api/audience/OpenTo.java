package org.makerspace.api.audience;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call this operation (see {@link AccessRule}). Every operation of the application states it: an operation under {@code /api} without
 * it is refused to everyone (deny by default), and the OpenAPI document publishes it as {@code x-open-to}, which the
 * authorisation-matrix test reads back and checks against what the server answers to each kind of caller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OpenTo {

    AccessRule value();
}
