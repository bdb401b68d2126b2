<?php

declare(strict_types=1);

// PHP-CS-Fixer rules of every platform package: PSR-12 plus strict types; the pipeline pins the version.
return (new PhpCsFixer\Config())
    ->setRiskyAllowed(true)
    ->setRules([
        '@PSR12' => true,
        '@PHP82Migration' => true,
        'declare_strict_types' => true,
        'strict_param' => true,
        'no_unused_imports' => true,
        'ordered_imports' => true,
    ])
    ->setFinder(PhpCsFixer\Finder::create()->in(__DIR__)->exclude(['vendor', 'build']));
