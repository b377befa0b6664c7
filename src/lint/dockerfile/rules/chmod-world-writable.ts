import check from '../../shell/checks/chmod-world-writable.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
