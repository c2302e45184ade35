package org.hutong.shared.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that takes batches (information, results carrying information): its body
 * may be as large as {@code hutong.http.max.batch.body.bytes} instead of {@code hutong.http.max.body.bytes}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargeBody {
}
