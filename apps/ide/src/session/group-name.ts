/** The rule the IDE checks group names with (the "Add to group" and rename forms'). */
export const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
