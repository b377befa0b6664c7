import check from '../../shell/checks/wget-missing-progress-option.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
