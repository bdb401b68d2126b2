<?php

declare(strict_types=1);

namespace Fixture;

final class Calculator
{
    public function add(int $a, int $b): int
    {
        return $a + $b;
    }

    public function negate(int $a): int
    {
        return -$a;
    }

    public function divide(int $a, int $b): float
    {
        if ($b === 0) {
            throw new \InvalidArgumentException('division by zero');
        }

        return $a / $b;
    }

    public function sign(int $a): string
    {
        if ($a > 0) {
            return 'positive';
        }
        if ($a < 0) {
            return 'negative';
        }

        return 'zero';
    }
}
