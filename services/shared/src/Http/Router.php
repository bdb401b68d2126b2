<?php

declare(strict_types=1);

namespace Platform\Shared\Http;

use Closure;

/**
 * Maps method and path patterns like /v1/runs/{id} to handlers.
 */
final class Router
{
    /** @var list<array{method: string, pattern: string, regex: string, handler: Closure(Request, array<string, string>): Response}> */
    private array $routes = [];

    /** @param Closure(Request, array<string, string>): Response $handler */
    public function add(string $method, string $pattern, Closure $handler): self
    {
        $regex = preg_replace('#\\\\\{([a-z_][a-z0-9_]*)\\\\\}#', '(?P<$1>[^/]+)', preg_quote($pattern, '#'));
        $this->routes[] = [
            'method' => strtoupper($method),
            'pattern' => $pattern,
            'regex' => '#^' . (string) $regex . '$#',
            'handler' => $handler,
        ];

        return $this;
    }

    /** @param Closure(Request, array<string, string>): Response $handler */
    public function get(string $pattern, Closure $handler): self
    {
        return $this->add('GET', $pattern, $handler);
    }

    /** @param Closure(Request, array<string, string>): Response $handler */
    public function post(string $pattern, Closure $handler): self
    {
        return $this->add('POST', $pattern, $handler);
    }

    /**
     * Finds the route for a request, or throws a 404 or 405 HttpError.
     */
    public function match(string $method, string $path): RouteMatch
    {
        $allowed = [];
        foreach ($this->routes as $route) {
            if (preg_match($route['regex'], $path, $m) !== 1) {
                continue;
            }
            if ($route['method'] !== $method) {
                $allowed[] = $route['method'];
                continue;
            }
            $params = [];
            foreach ($m as $key => $value) {
                if (is_string($key)) {
                    $params[$key] = rawurldecode($value);
                }
            }

            return new RouteMatch($route['pattern'], $route['handler'], $params);
        }
        if ($allowed !== []) {
            $allow = implode(', ', array_unique($allowed));
            $message = sprintf('%s %s is not allowed; use %s', $method, $path, $allow);
            throw new HttpError(405, 'method_not_allowed', $message, null, ['Allow' => $allow]);
        }
        throw HttpError::notFound(sprintf('no route for %s %s', $method, $path));
    }
}
