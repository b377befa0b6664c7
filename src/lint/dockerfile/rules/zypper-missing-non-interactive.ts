import check from '../../shell/checks/zypper-missing-non-interactive.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
