// Runtime half of weapp-aria.js: the same attributes in the runtime's component table.
import { mergeInternalComponents } from '@tarojs/shared'

const STATE = { 'aria-role': '', 'aria-label': '', 'aria-checked': '' }
mergeInternalComponents({ View: STATE, Input: { 'aria-label': '' }, Textarea: { 'aria-label': '' } })
