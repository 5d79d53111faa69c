package app.atelier.db;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.ExtensionMetadata;
import org.jdbi.v3.core.extension.ExtensionMetadata.ExtensionHandlerInvoker;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/**
 * Jdbi attaches a SQL object by preparing all of its methods at once, a copy of the configuration and a warm-up of
 * the bindings each, although a request calls one or two of them: a fifth of a vote's time went there. The object
 * this factory attaches prepares a method at its first call on the handle, with the same metadata, configuration
 * and handlers Jdbi's own proxy uses.
 */
final class AttachOnCall implements ExtensionFactory {
    private final ExtensionFactory sqlObjects;

    private AttachOnCall(ExtensionFactory sqlObjects) {
        this.sqlObjects = sqlObjects;
    }

    /** Puts itself before the SQL object factory, which must be installed already. */
    static void install(Jdbi jdbi) {
        var extensions = jdbi.getConfig(Extensions.class);
        extensions.register(new AttachOnCall(extensions.findFactory(SqlObjectFactory.class).orElseThrow()));
    }

    @Override
    public boolean accepts(Class<?> extensionType) {
        return sqlObjects.accepts(extensionType);
    }

    @Override
    public Set<FactoryFlag> getFactoryFlags() {
        return EnumSet.of(FactoryFlag.DONT_USE_PROXY);
    }

    @Override
    public <E> E attach(Class<E> extensionType, HandleSupplier handleSupplier) {
        var config = handleSupplier.getConfig();
        ExtensionMetadata metadata = config.get(Extensions.class).findMetadata(extensionType, sqlObjects);
        var instanceConfig = metadata.createInstanceConfiguration(config);
        Map<Method, ExtensionHandlerInvoker> prepared = new HashMap<>();
        return extensionType.cast(Proxy.newProxyInstance(extensionType.getClassLoader(), new Class<?>[] {extensionType}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) return ofObject(proxy, extensionType, method, args);
            return prepared.computeIfAbsent(method, m -> metadata.createExtensionHandlerInvoker(proxy, m, handleSupplier, instanceConfig)).invoke(args);
        }));
    }

    private static Object ofObject(Object proxy, Class<?> extensionType, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "Jdbi extension attached on call for " + extensionType.getName();
        };
    }
}
