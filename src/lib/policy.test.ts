import assert from 'node:assert/strict'
import { test } from 'node:test'
import { can } from './policy.ts'
import type { Actor } from './actor.ts'

const user = (role: 'partner' | 'curator' | 'admin', organisationId: number | null = 7): Actor => ({
  kind: 'user',
  id: 1,
  email: 'x@example.org',
  name: 'X',
  role,
  organisationId,
  locale: 'nl',
  sessionId: 's',
})

test('a partner member may edit a tool only when their organisation owns or co-develops it', () => {
  const tool = (role: string, organisationId = 7) => ({ organisationRoles: [{ organisationId, role }] })
  assert.equal(can(user('partner'), 'tool.edit', tool('owner')), true)
  assert.equal(can(user('partner'), 'tool.edit', tool('co_developer')), true)
  assert.equal(can(user('partner'), 'tool.edit', tool('test_municipality')), false)
  assert.equal(can(user('partner'), 'tool.edit', tool('owner', 8)), false)
  assert.equal(can(user('curator'), 'tool.edit', tool('owner', 8)), true)
  assert.equal(can({ kind: 'anonymous' }, 'tool.edit', tool('owner')), false)
})

test('administration is for administrators; catalogue editing for curators and administrators', () => {
  assert.equal(can(user('admin'), 'users.manage'), true)
  assert.equal(can(user('curator'), 'users.manage'), false)
  assert.equal(can(user('curator'), 'catalogue.edit'), true)
  assert.equal(can(user('partner'), 'catalogue.edit'), false)
  assert.equal(can({ kind: 'system', label: 'x' }, 'users.manage'), false)
})

test('members act for their own organisation; curators and administrators record use for any; the organising party decides on requests', () => {
  assert.equal(can(user('partner'), 'adoption.record', { organisationId: 7 }), true)
  assert.equal(can(user('partner'), 'adoption.record', { organisationId: 8 }), false)
  assert.equal(can(user('partner', null), 'adoption.record'), false)
  assert.equal(can(user('curator', null), 'adoption.record', { organisationId: 8 }), true)
  assert.equal(can(user('curator', null), 'involvement.request'), false, 'asking to be involved is for members only')
  assert.equal(can(user('curator'), 'involvement.request', { organisationId: 7 }), true)
  assert.equal(can({ kind: 'anonymous' }, 'adoption.record', { organisationId: 7 }), false)
  const organised = (organisationId: number) => ({ organisationRoles: [{ organisationId, role: 'organising_party' }] })
  assert.equal(can(user('partner'), 'involvement.decide', organised(7)), true)
  assert.equal(can(user('partner'), 'involvement.decide', organised(8)), false)
  assert.equal(can(user('partner'), 'tool.edit', organised(7)), false, 'organising is not editing')
  assert.equal(can(user('admin', null), 'involvement.decide', organised(8)), true)
})
