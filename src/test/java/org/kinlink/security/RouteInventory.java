package org.kinlink.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.kinlink.accounts.StaffRole;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The routes of the running application, read from every handler mapping in its context (controllers, the
 * actuator, the error controller, static resources), and the hand-written classification they must all
 * appear in. Shared by the authorisation matrix (S13) and the header test (S18): a route that is mapped but
 * not classified fails both, so a new route cannot slip in untested.
 */
public final class RouteInventory {

	/** A mapping that names no HTTP method answers every method: it is listed as "ANY pattern". */
	public static final String ANY = "ANY";

	/** Static resources (the versioned CSS/JS and webjars) are listed as "RESOURCE pattern". */
	public static final String RESOURCE = "RESOURCE";

	/**
	 * Routes Spring itself maps: the error page (only for the container's error dispatch; asked for directly it
	 * is refused), the actuator (health only; its discovery page closed), and static files.
	 */
	public static final Set<String> FRAMEWORK_ROUTES = Set.of("ANY /error", "GET /actuator",
			"GET /actuator/health", "GET /actuator/health/**", "RESOURCE /webjars/**", "RESOURCE /**");

	private RouteInventory() {
	}

	/** Every route the application maps, as "METHOD pattern", one line per method. */
	public static Set<String> mapped(ApplicationContext context) {
		Set<String> mapped = new TreeSet<>();
		context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
			mapping.getHandlerMethods().keySet().forEach(info -> {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						mapped.add(ANY + " " + pattern);
					}
					methods.forEach(method -> mapped.add(method.name() + " " + pattern));
				}
			}));
		context.getBeansOfType(AbstractUrlHandlerMapping.class).values().forEach(mapping ->
			mapping.getHandlerMap().keySet().forEach(pattern -> mapped.add(RESOURCE + " " + pattern)));
		return mapped;
	}

	/** Every classified route: staff routes with their roles, public routes, and the framework's own. */
	public static Set<String> classified() {
		Set<String> all = new TreeSet<>(staffRoutes().keySet());
		all.addAll(AuthorisationMatrixTests.PUBLIC_ROUTES);
		all.addAll(FRAMEWORK_ROUTES);
		return all;
	}

	/** Staff routes and the roles that may use them (the matrix's specification). */
	public static Map<String, Set<StaffRole>> staffRoutes() {
		return new TreeMap<>(AuthorisationMatrixTests.STAFF_ROUTES);
	}

	/** Mapped routes that nobody classified: must be empty. */
	public static Set<String> unclassified(ApplicationContext context) {
		Set<String> missing = new TreeSet<>(mapped(context));
		missing.removeAll(classified());
		return missing;
	}

	/** Classified routes the application no longer maps: must be empty too (a stale line tests nothing). */
	public static Set<String> stale(ApplicationContext context) {
		Set<String> stale = new TreeSet<>(classified());
		stale.removeAll(mapped(context));
		return stale;
	}

	/** The HTTP methods to try for a route: its own, or GET and POST for a mapping that takes any. */
	public static Set<String> methods(String route) {
		String method = route.substring(0, route.indexOf(' '));
		return switch (method) {
			case ANY -> Set.of("GET", "POST");
			case RESOURCE -> Set.of("GET");
			default -> Set.of(method);
		};
	}

	public static String pattern(String route) {
		return route.substring(route.indexOf(' ') + 1);
	}

}
