<?php

declare(strict_types=1);

namespace Fixture\Tests;

use Fixture\Calculator;
use PHPUnit\Framework\TestCase;

final class CalculatorTest extends TestCase
{
    public function testAdd(): void
    {
        self::assertSame(5, (new Calculator())->add(2, 3));
    }

    public function testNegate(): void
    {
        self::assertSame(-4, (new Calculator())->negate(4));
    }

    public function testDivide(): void
    {
        self::assertSame(2.5, (new Calculator())->divide(5, 2));
    }

    /** @dataProvider signs */
    public function testSign(int $in, string $want): void
    {
        self::assertSame($want, (new Calculator())->sign($in));
    }

    /** @return array<string, array{int, string}> */
    public function signs(): array
    {
        return ['positive' => [3, 'positive'], 'negative' => [-3, 'negative']];
    }

    public function testSkipped(): void
    {
        self::markTestSkipped('kept to show skipped counts in junit.xml');
    }

    public function testFailsOnDemand(): void
    {
        // FIXTURE_FAIL=1 produces the failing junit fixture from the same project.
        self::assertSame('0', getenv('FIXTURE_FAIL') ?: '0', 'FIXTURE_FAIL is set');
    }

    public function testErrorsOnDemand(): void
    {
        if (getenv('FIXTURE_FAIL') === '1') {
            throw new \RuntimeException('FIXTURE_FAIL is set');
        }
        self::assertTrue(true);
    }

    public function testWarnsOnDemand(): void
    {
        if (getenv('FIXTURE_WARN') === '1') {
            $this->addWarning('FIXTURE_WARN is set');
        }
        self::assertTrue(true);
    }
}
