package cn.zhifa.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.calendar.HolidayYear;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 8 §8, so that no field can be forgotten: every request type of every /api endpoint is walked, and every String
 * a client sends carries {@code @Size} (its column) and {@link WellFormedText}; every list or map has a {@code @Size};
 * every nested record is {@code @Valid}. A body read as text must name the record it is parsed into.
 */
@ApplicationTest
class RequestInputConstraintsTest {

    /** Bodies a feature parses itself, and the validated record each becomes. */
    static final Map<String, Class<?>> PARSED_BODIES = Map.of("cn.zhifa.calendar.CalendarController#load",
            HolidayYear.class);

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    @Test
    void everyStringAClientSendsIsLimitedAndWellFormed() {
        List<String> missing = new ArrayList<>();
        List<String> walked = new ArrayList<>();
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            if (!handler.getBeanType().getName().startsWith("cn.zhifa.")) {
                continue;
            }
            String name = handler.getBeanType().getName() + "#" + handler.getMethod().getName();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                String where = name + "(" + parameter.getParameterName() + ")";
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    if (parameter.getParameterType() == String.class) {
                        assertThat(PARSED_BODIES).as("a text body must be parsed into a validated record: " + where)
                                .containsKey(name);
                        walk(PARSED_BODIES.get(name), where, missing, walked);
                    } else {
                        require(parameter.hasParameterAnnotation(Valid.class), where + " @Valid", missing);
                        walk(parameter.getParameterType(), where, missing, walked);
                    }
                } else if ((parameter.hasParameterAnnotation(RequestParam.class)
                        || parameter.hasParameterAnnotation(PathVariable.class))
                        && parameter.getParameterType() == String.class) {
                    walked.add(where);
                    require(parameter.hasParameterAnnotation(Size.class), where + " @Size", missing);
                    require(parameter.hasParameterAnnotation(WellFormedText.class), where + " @WellFormedText",
                            missing);
                }
            }
        }
        assertThat(walked).as("the walk reaches the case register and the documents")
                .anyMatch(w -> w.endsWith("NewCase.parties[] NewParty.name")).anyMatch(w -> w.contains("GenerateRequest.data{}"))
                .anyMatch(w -> w.contains("AttachmentController#upload(description)"));
        assertThat(missing).isEmpty();
    }

    private void walk(Class<?> type, String where, List<String> missing, List<String> walked) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = field(type, component);
            String path = where + " " + type.getSimpleName() + "." + component.getName();
            check(component.getType(), field, component.getAnnotatedType(), path, missing, walked);
        }
    }

    private void check(Class<?> type, AnnotatedElement declaration, AnnotatedType use, String path,
            List<String> missing, List<String> walked) {
        walked.add(path);
        if (type == String.class) {
            require(has(declaration, use, Size.class), path + " @Size", missing);
            require(has(declaration, use, WellFormedText.class), path + " @WellFormedText", missing);
        } else if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            require(has(declaration, use, Size.class), path + " @Size", missing);
            AnnotatedType[] elements = ((AnnotatedParameterizedType) use).getAnnotatedActualTypeArguments();
            for (int i = 0; i < elements.length; i++) {
                Class<?> element = raw(elements[i]);
                // a map's untyped values are free JSON: the request guard checks their text, the feature their length
                if (element != Object.class) {
                    check(element, null, elements[i], path + (Map.class.isAssignableFrom(type) ? "{}" : "[]"),
                            missing, walked);
                }
            }
        } else if (type.isRecord()) {
            require(has(declaration, use, Valid.class), path + " @Valid", missing);
            walk(type, path, missing, walked);
        } else {
            require(type.isEnum() || type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class
                    || Temporal.class.isAssignableFrom(type), path + " is of a type the walk knows", missing);
        }
    }

    private static boolean has(AnnotatedElement declaration, AnnotatedType use, Class<? extends Annotation> kind) {
        return declaration != null && declaration.isAnnotationPresent(kind) || use.isAnnotationPresent(kind);
    }

    private static Class<?> raw(AnnotatedType type) {
        return type.getType() instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type.getType();
    }

    private static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(boolean present, String what, List<String> missing) {
        if (!present) {
            missing.add(what);
        }
    }
}
