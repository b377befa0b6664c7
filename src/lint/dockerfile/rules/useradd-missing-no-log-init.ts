import check from '../../shell/checks/useradd-missing-no-log-init.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
