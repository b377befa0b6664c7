import check from '../../shell/checks/wget-missing-progress-option.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
