import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isSlug, SLUG_MAX_LENGTH, slugify } from './slug.ts'

test('a slug is lower-case words of letters and digits joined by single hyphens, at most 120 characters', () => {
  for (const slug of ['a', 'tool-1', 'city-deal-toolbox', 'x'.repeat(SLUG_MAX_LENGTH)]) assert.equal(isSlug(slug), true, slug)
  for (const bad of ['', '-a', 'a-', 'a--b', 'A', 'één', 'a b', 'a_b', '../etc', 'x'.repeat(SLUG_MAX_LENGTH + 1)]) assert.equal(isSlug(bad), false, bad)
})

test('slugify makes slugs that pass the rule', () => {
  assert.equal(slugify('Één Slimme Stad: zo doe je dat!'), 'een-slimme-stad-zo-doe-je-dat')
  for (const name of ['Digitale Agenda 2030', 'Privacy -- by -- design', 'Ça va? Très bien', 'x'.repeat(300)]) assert.equal(isSlug(slugify(name)), true, name)
})
