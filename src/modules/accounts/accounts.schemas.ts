import { Type } from '@sinclair/typebox'
import { ROLES } from '../../lib/actor.ts'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 200
export const NAME_MAX_LENGTH = 200
export const EMAIL_MAX_LENGTH = 254

const email = Type.String({ format: 'email', maxLength: EMAIL_MAX_LENGTH })
const locale = Type.Union([Type.Literal('nl'), Type.Literal('en')])
const role = Type.Union(ROLES.map((r) => Type.Literal(r)))
const id = Type.Integer({ minimum: 1, maximum: 2 ** 52 })

export const SignInSchema = Type.Object({ email: Type.String({ maxLength: EMAIL_MAX_LENGTH }), password: Type.String({ maxLength: PASSWORD_MAX_LENGTH }) })

export const SetPasswordSchema = Type.Object({
  password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
  passwordConfirmation: Type.String({ maxLength: PASSWORD_MAX_LENGTH }),
})

export const ForgotPasswordSchema = Type.Object({ email })

export const InviteUserSchema = Type.Object({
  email,
  name: Type.String({ minLength: 1, maxLength: NAME_MAX_LENGTH }),
  role,
  organisationId: Type.Optional(id),
  locale,
})

export const ChangeRoleSchema = Type.Object({ role, organisationId: Type.Optional(id) })

export const SetActiveSchema = Type.Object({ active: Type.Union([Type.Literal('true'), Type.Literal('false')]) })
