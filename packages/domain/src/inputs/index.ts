export * from './boards.js';
export * from './bodies.js';
export * from './buildings.js';
export * from './directive.js';
export { FIELD_LABELS, type FieldName, fieldLabel, INPUT_LABEL } from './field-labels.js';
export {
  citizenIdField,
  countField,
  dateField,
  type InputIssueParams,
  type IssueSink,
  idField,
  LONG_TEXT_MAX_LENGTH,
  NAME_MAX_LENGTH,
  optionalDateField,
  optionalIdField,
  optionalLabelField,
  optionalLongTextField,
  optionalTextField,
  phoneField,
  positiveIntField,
  requiredLongTextField,
  requiredTextField,
  versionField,
  yearField,
} from './fields.js';
export { describeField, issuesToViolations, issueToViolation, parseInput } from './parse-input.js';
export * from './people.js';
export * from './places.js';
export * from './reorganisation.js';
