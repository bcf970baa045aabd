package org.makerspace.api.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.makerspace.api.input.BusinessTime;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.OutsideMembership;
import org.makerspace.ledger.common.UnknownReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every exception that leaves a controller to an RFC 9457 problem. Spring MVC's own exceptions (unreadable body,
 * validation, type mismatch, missing parameter, 404/405/415, ...) come through {@link ResponseEntityExceptionHandler}
 * and are given a stable type here; the application's exceptions have their own handlers below; anything else is a
 * 500 that is logged under an error id and answered with that id only.
 *
 * <p><b>Domain exceptions.</b> A ledger exception is mapped with one method that calls {@link #domainProblem}, for
 * example:
 * <pre>{@code
 * @ExceptionHandler(DomainRefusal.class)
 * ResponseEntity<ProblemDetail> refused(DomainRefusal e, HttpServletRequest request) {
 *     return domainProblem(HttpStatus.CONFLICT, e.code(), e.getMessage(), request);
 * }
 * }</pre>
 * Spring picks the most specific handler, so such a method wins over the {@link IllegalArgumentException} and
 * catch-all handlers even when the domain exception extends one of their types.
 */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    private static final Pattern SOURCE_REFERENCE =
            Pattern.compile("\\s*\\((start marker at )?\\[Source:.*$|\\s*at \\[Source:.*$", Pattern.DOTALL);

    /**
     * The hook for domain exceptions: a problem of the given status whose type ends with {@code code} (normalised to
     * kebab-case), titled after the code, with {@code detail} (the exception's message, which names the state that
     * refused) and the request's path as instance.
     */
    protected ResponseEntity<ProblemDetail> domainProblem(HttpStatus status, String code, String detail,
                                                          HttpServletRequest request) {
        return respond(Problems.problem(status, code, detail, request));
    }

    /** A rule of the ledger refused the command in the state it found: the request conflicts with that state. */
    @ExceptionHandler(DomainRefusal.class)
    ResponseEntity<ProblemDetail> refused(DomainRefusal e, HttpServletRequest request) {
        return domainProblem(HttpStatus.CONFLICT, e.code(), e.getMessage(), request);
    }

    /** A lab records facts only about its own members: this one is not, so the lab may not (403, with the reason). */
    @ExceptionHandler(OutsideMembership.class)
    ResponseEntity<ProblemDetail> outsideMembership(OutsideMembership e, HttpServletRequest request) {
        return domainProblem(HttpStatus.FORBIDDEN, e.code(), e.getMessage(), request);
    }

    /** The request names something (a trainer, a machine, a lab) that the ledger does not know. */
    @ExceptionHandler(UnknownReference.class)
    ResponseEntity<ProblemDetail> unknownReference(UnknownReference e, HttpServletRequest request) {
        return domainProblem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage(), request);
    }

    /** An identifier that is already taken: registering a lab, member or achievement twice. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException e, HttpServletRequest request) {
        return domainProblem(HttpStatus.CONFLICT, "already-exists", "this identifier is already taken", request);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e, HttpServletRequest request) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), request));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e, HttpServletRequest request) {
        String detail = "nothing recorded under '" + e.getAggregateIdentifier() + "'";
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", detail, request));
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e, HttpServletRequest request) {
        log.debug("Concurrent modification on {}", request.getRequestURI(), e);
        return respond(Problems.problem(HttpStatus.CONFLICT, "concurrent-modification", "Changed concurrently",
                                        "changed concurrently, retry", request));
    }

    /** A request that says it is multipart but is not readable as such (no boundary, cut short). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e, HttpServletRequest request) {
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, "malformed-multipart-request",
                                        "the request says it is multipart/form-data but cannot be read as such",
                                        request));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidArgument(IllegalArgumentException e, HttpServletRequest request) {
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-argument", e.getMessage(), request));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(ApiProblemHandler::fieldProblem)
                .sorted(FieldProblem.ORDER)
                .toList();
        return respond(validationProblem(errors, request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return respond(Problems.problem(HttpStatus.FORBIDDEN, "access-denied", e.getMessage(), request));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNAUTHORIZED, "authentication-required",
                                                 e.getMessage(), request);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem);
    }

    /**
     * Everything else: an exception annotated with {@link ResponseStatus} gets that status (its reason as detail),
     * any other is a 500 logged under an error id, which is all the client is told.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (declared != null && declared.code() != HttpStatus.INTERNAL_SERVER_ERROR) {
            String detail = declared.reason().isEmpty() ? declared.code().getReasonPhrase() : declared.reason();
            return respond(Problems.problem(declared.code(), Problems.codeOf(declared.code()), detail, request));
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", errorId, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                                                 "unexpected error, reported as " + errorId, request);
        problem.setProperty("errorId", errorId);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), messageOf(error)));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(new FieldProblem(error.getObjectName(), messageOf(error)));
        }
        errors.sort(FieldProblem.ORDER);
        return handleExceptionInternal(ex, validationProblem(errors, servletRequest(request)), headers, status,
                                       request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            if (result instanceof ParameterErrors body) {
                // A @Valid body of a method that also constrains a path variable: its fields, as the client sent
                // them, not the name of our parameter
                body.getFieldErrors().forEach(error -> errors.add(new FieldProblem(error.getField(),
                                                                                   messageOf(error))));
                body.getGlobalErrors().forEach(error -> errors.add(new FieldProblem(name, messageOf(error))));
            } else {
                result.getResolvableErrors()
                        .forEach(error -> errors.add(new FieldProblem(name, messageOf(error))));
            }
        });
        errors.sort(FieldProblem.ORDER);
        return handleExceptionInternal(ex, validationProblem(errors, servletRequest(request)), headers, status,
                                       request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        UnreadableBody unreadable = unreadableBody(ex);
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request-body",
                                                 unreadable.detail(), servletRequest(request));
        if (unreadable.field() != null) {
            problem.setProperty("errors", List.of(unreadable.field()));
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        String detail = "nothing answers " + ex.getHttpMethod() + " /" + ex.getResourcePath();
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, "unknown-route", detail,
                                                 servletRequest(request));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "of another type" : expectation(ex.getRequiredType());
        String detail = "parameter '" + name + "' must be " + expected + ", but was '" + ex.getValue() + "'";
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", detail,
                                                 servletRequest(request));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Gives Spring's own problems (405, 415, 404, missing parameter, ...) a stable type, title and instance. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
                                                             HttpHeaders headers, HttpStatusCode statusCode,
                                                             WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem && isBlank(problem)) {
            String code = codeOf(ex, statusCode);
            problem.setType(Problems.type(code));
            problem.setTitle(Problems.titleOf(code));
        }
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            HttpServletRequest servletRequest = servletRequest(request);
            if (servletRequest != null) {
                problem.setInstance(Problems.instanceOf(servletRequest));
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static boolean isBlank(ProblemDetail problem) {
        return problem.getType() == null || "about:blank".equals(problem.getType().toString());
    }

    private static String codeOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return "unknown-route";
        }
        if (ex instanceof MissingServletRequestParameterException
                || (ex instanceof MissingRequestValueException && !(ex instanceof MissingPathVariableException))) {
            return "missing-parameter";
        }
        if (ex instanceof ServletRequestBindingException && status.is4xxClientError()) {
            return "invalid-parameter";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "unsupported-media-type";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "not-acceptable";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "method-not-allowed";
        }
        return status.is5xxServerError() ? "internal-error" : Problems.codeOf(status);
    }

    private static ProblemDetail validationProblem(List<FieldProblem> errors, HttpServletRequest request) {
        String fields = errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        String detail = errors.isEmpty() ? "the request is invalid" : "invalid: " + fields;
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                                                 detail, request);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static FieldProblem fieldProblem(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // A method parameter's path is "method.parameter": the client knows only the parameter.
        String field = path.contains(".") ? path.substring(path.indexOf('.') + 1) : path;
        return new FieldProblem(field, violation.getMessage());
    }

    private static String messageOf(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /**
     * Why a body could not be read: the detail says where and why in terms of the JSON the client sent, never of our
     * classes; the field, when one is to blame, is also named as a validation problem names its fields.
     */
    record UnreadableBody(String detail, @Nullable FieldProblem field) {

        static UnreadableBody of(String detail) {
            return new UnreadableBody(detail, null);
        }

        /** "field 'roles[0]': must not be null", or "the body: …" when the whole body is to blame. */
        static UnreadableBody atField(String path, String message) {
            return path.isEmpty() ? of("the body: " + message)
                    : new UnreadableBody("field '" + path + "': " + message, new FieldProblem(path, message));
        }
    }

    static UnreadableBody unreadableBody(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause == null) {
            boolean missing = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing");
            return UnreadableBody.of(missing ? "the request body is missing" : "the request body could not be read");
        }
        // Found down the chain: the parser's own error, inside an object, comes wrapped with the path to the object.
        JsonParseException parse = causeOfType(cause, JsonParseException.class);
        if (parse != null) {
            String duplicate = duplicateField(parse);
            if (duplicate != null) {
                return new UnreadableBody("field '" + duplicate + "' appears twice" + at(parse.getLocation())
                                          + ": send each field once",
                                          new FieldProblem(duplicate, "appears twice"));
            }
            return UnreadableBody.of("malformed JSON" + at(parse.getLocation()) + ": "
                                     + withoutSource(parse.getOriginalMessage()));
        }
        if (cause instanceof ValueInstantiationException instantiation
                && NestedExceptionUtils.getMostSpecificCause(instantiation) instanceof IllegalArgumentException refusal) {
            return UnreadableBody.atField(path(instantiation), refusal.getMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (cause instanceof InvalidNullException) {
            return UnreadableBody.atField(path((JsonMappingException) cause), "must not be null");
        }
        if (cause instanceof InvalidFormatException format) {
            return UnreadableBody.atField(path(format), "'" + format.getValue() + "' is not "
                                                        + expectation(format.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() == null ? "of another type"
                    : expectation(mismatch.getTargetType());
            return UnreadableBody.atField(path(mismatch), "must be " + expected);
        }
        if (cause instanceof JsonMappingException mapping
                && NestedExceptionUtils.getMostSpecificCause(mapping) instanceof InputCoercionException coercion) {
            String expected = coercion.getTargetType() == null ? "this field"
                    : expectation(coercion.getTargetType());
            return UnreadableBody.atField(path(mapping), "out of range for " + expected);
        }
        if (cause instanceof JsonMappingException mapping) {
            return UnreadableBody.atField(path(mapping), "cannot be read");
        }
        if (cause instanceof JsonProcessingException processing) {
            return UnreadableBody.of("malformed JSON" + at(processing.getLocation()));
        }
        return UnreadableBody.of("the request body could not be read");
    }

    @Nullable
    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /**
     * The field named twice, where it sits in the body ({@code scope.machineType}), when strict duplicate detection
     * stopped the parser; null for any other parse error. Jackson says so only in its message, and leaves its parser
     * in the object that held the field twice.
     */
    @Nullable
    private static String duplicateField(JsonParseException parse) {
        JsonParser parser = parse.getProcessor();
        if (parser == null || parse.getOriginalMessage() == null
                || !parse.getOriginalMessage().startsWith("Duplicate field '")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            names.add(0, context.inArray() ? "[" + Math.max(context.getCurrentIndex(), 0) + "]"
                    : "." + context.getCurrentName());
        }
        String path = String.join("", names);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** "unknown field 'course' (accepted: courseCode, hours, …)", the field named where it sits in the body. */
    private static UnreadableBody unknownField(UnrecognizedPropertyException unknown) {
        List<String> path = new ArrayList<>();
        unknown.getPath().forEach(reference -> path.add(reference.getFieldName() != null ? reference.getFieldName()
                                                                                         : "[" + reference.getIndex() + "]"));
        String name = path.isEmpty() ? unknown.getPropertyName() : String.join(".", path).replace(".[", "[");
        String accepted = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        String acceptedOnes = accepted.isEmpty() ? "" : " (accepted: " + accepted + ")";
        return new UnreadableBody("unknown field '" + name + "'" + acceptedOnes,
                                  new FieldProblem(name, "is not a field of this request" + acceptedOnes));
    }

    /** Jackson's message names its own source and settings in brackets; the client needs neither. */
    private static String withoutSource(String message) {
        return SOURCE_REFERENCE.matcher(message).replaceAll("").strip();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Where the failing value sits in the body, such as {@code decisions[0].at}; empty for the body itself. */
    private static String path(JsonMappingException mapping) {
        String path = mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String expectation(Class<?> type) {
        if (type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return "one of " + values;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-03-02T10:00:00Z, " + BusinessTime.BOUNDS;
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a valid " + type.getSimpleName();
    }

    @Nullable
    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest() : null;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** One entry of a validation problem's {@code errors}: the field (or parameter) and what is wrong with it. */
    public record FieldProblem(String field, String message) {

        static final Comparator<FieldProblem> ORDER = Comparator.comparing(FieldProblem::field)
                .thenComparing(FieldProblem::message);
    }
}
