<?php

declare(strict_types=1);

namespace Platform\Shared\Http;

use Closure;

/**
 * Holds the route a request matched, with its path parameters.
 */
final class RouteMatch
{
    /**
     * @param Closure(Request, array<string, string>): Response $handler
     * @param array<string, string> $params
     */
    public function __construct(
        public readonly string $pattern,
        public readonly Closure $handler,
        public readonly array $params,
    ) {
    }
}
