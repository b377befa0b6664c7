import check from '../../shell/checks/zypper-missing-non-interactive.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
