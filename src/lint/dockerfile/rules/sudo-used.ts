import check from '../../shell/checks/sudo-used.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
